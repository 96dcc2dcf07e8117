// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Shared bits of the benchmark programs: medians and the one
// machine-readable row format scripts/bench.sh turns into the table:
//   ROW<TAB>benchmark<TAB>measured<TAB>baseline<TAB>ratio<TAB>target<TAB>verdict
#pragma once

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace Bench {

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

//! One table row on stdout (see the header comment).
inline void row(const std::string &name, const std::string &measured, const std::string &baseline, double ratio,
                const std::string &target, const std::string &verdict)
{
    char r[32];
    if (ratio > 0)
        std::snprintf(r, sizeof r, "%.3f", ratio);
    else
        std::snprintf(r, sizeof r, "-");
    std::printf("ROW\t%s\t%s\t%s\t%s\t%s\t%s\n", name.c_str(), measured.c_str(), baseline.c_str(), r, target.c_str(),
                verdict.c_str());
    std::fflush(stdout);
}

inline std::string fmt(const char *format, double v)
{
    char b[64];
    std::snprintf(b, sizeof b, format, v);
    return b;
}

inline std::string verdictMax(double ratio, double target) { return ratio <= target ? "pass" : "MISS"; }

} // namespace Bench
