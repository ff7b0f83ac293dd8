/* A very small test harness: each test file is one executable; each case is a function whose
 * name reads as a sentence. CHECK records a failure and goes on; the executable exits 1 if any
 * check failed, and prints "N passed, N failed". */
#ifndef FRONTIERS_CHECK_H
#define FRONTIERS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures_;
static int check_cases_failed_;
static int check_cases_passed_;

#define CHECK(cond) do { if (!(cond)) { check_failures_++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)

#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); if (a_ != b_) { \
    check_failures_++; fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", \
    __FILE__, __LINE__, #a, a_, #b, b_); } } while (0)

#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) { check_failures_++; \
    fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
    a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)

#define CHECK_NEAR(a, b, tol) do { double a_ = (double)(a), b_ = (double)(b); \
    if (!(fabs(a_ - b_) <= (tol))) { check_failures_++; \
    fprintf(stderr, "%s:%d: %s == %.9g, expected %.9g (tolerance %g)\n", __FILE__, __LINE__, \
    #a, a_, b_, (double)(tol)); } } while (0)

#define RUN(test) do { int before_ = check_failures_; test(); \
    if (check_failures_ == before_) check_cases_passed_++; \
    else { check_cases_failed_++; fprintf(stderr, "FAIL %s\n", #test); } } while (0)

#define CHECK_DONE() (printf("%s: %d passed, %d failed\n", __FILE__, check_cases_passed_, \
    check_cases_failed_), check_cases_failed_ ? 1 : 0)

#endif
