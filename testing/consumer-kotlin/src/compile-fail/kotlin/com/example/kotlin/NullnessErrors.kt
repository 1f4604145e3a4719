package com.example.kotlin

import ai.bctrl.BctrlClient
import ai.bctrl.models.InvocationSummary
import ai.bctrl.pagination.CursorPage
import ai.bctrl.testing.LocalGateway

// Compiled only with -Pcompile-fail, which must fail: .ci/expect-compile-errors checks that each
// line marked "must not compile: TEXT" fails with an error containing TEXT, and no other line fails.

fun nullRunId(client: BctrlClient): CursorPage<InvocationSummary> {
    return client.runs().listInvocations(null) // must not compile: Null cannot be a value of a non-null type
}

fun nullableRunAsNonNull(gateway: LocalGateway): List<InvocationSummary> {
    val invocations: List<InvocationSummary> = gateway.run("demo-run") // must not compile: List<InvocationSummary>?
    return invocations
}

fun nullRequiredField(): InvocationSummary.Builder {
    return InvocationSummary.builder().id(null) // must not compile: Null cannot be a value of a non-null type
}
