package com.example.kotlin

import ai.bctrl.BctrlClient
import ai.bctrl.errors.NotFoundException
import ai.bctrl.models.InvocationSummary
import ai.bctrl.testing.LocalGateway
import java.time.OffsetDateTime

/**
 * What a Kotlin caller writes: walks the local gateway's demo run with a for loop, reads ids as
 * String and an optional timestamp as a nullable one, and catches a typed error. Any failed check
 * throws, and the process exits non-zero.
 */
fun main() {
    LocalGateway.start().use { gateway ->
        BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build().use { client ->
            val ids = HashSet<String>()
            var unfinished = 0
            for (inv in client.runs().listInvocations("demo-run")) {
                val id: String = inv.id()
                ids.add(id)
                val finishedAt: OffsetDateTime? = inv.finishedAt().orElse(null)
                if (finishedAt == null) {
                    unfinished++
                } else {
                    check(!finishedAt.isBefore(inv.createdAt())) { "$id finished before it started" }
                }
            }
            check(ids.size == 1234) { "the walk saw 1234 distinct invocations: ${ids.size}" }

            val code =
                try {
                    client.runs().listInvocations("no-such-run")
                    error("an unknown run throws NotFoundException")
                } catch (e: NotFoundException) {
                    e.code().orElse("")
                }
            check(code == "run.not_found") { "the 404 decoded: $code" }

            // The kit's run(...) is @Nullable: Kotlin makes it List<InvocationSummary>?.
            val unknown: List<InvocationSummary>? = gateway.run("no-such-run")
            check(unknown == null) { "an unknown run is null" }

            println("Kotlin: walked ${ids.size} invocations ($unfinished unfinished), then $code")
        }
    }
}
