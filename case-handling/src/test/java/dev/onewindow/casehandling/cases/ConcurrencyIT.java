package dev.onewindow.casehandling.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent requests: optimistic locking on a case, atomic case numbers across submissions. */
class ConcurrencyIT extends CaseApiSupport {

    @Test
    void twoOfficersAcceptingTheSameCaseAtOnceExactlyOneSucceeds() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        String officerA = People.staff("officer-a", "window-officer", "SCJGJ");
        String officerB = People.staff("officer-b", "window-officer", "SCJGJ");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Response>> racers = new ArrayList<>();
                for (String officer : List.of(officerA, officerB)) {
                    racers.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return command(id, "accept", officer, null);
                    }, pool));
                }
                start.countDown();
                List<Response> responses = racers.stream().map(CompletableFuture::join).toList();
                assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
                Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(loser.json().get("code").asString()).isIn("CONCURRENT_UPDATE", "ILLEGAL_STATE_TRANSITION");
                assertThat(storedCase(id).getList("history", org.bson.Document.class))
                        .filteredOn(h -> "ACCEPT".equals(h.getString("action"))).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twentyConcurrentSubmissionsGetTwentyDistinctCaseNumbers() throws Exception {
        Map<String, Object> entry = publishedEntry("GAJ");
        List<Citizen> citizens = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Citizen citizen = newCitizen();
            citizens.add(citizen);
            bodies.add(citizenApplication(entry, upload(citizen.token())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                submissions.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api().post("/api/v1/cases").token(citizens.get(n).token()).json(bodies.get(n)).send();
                }, pool));
            }
            start.countDown();
            List<String> numbers = submissions.stream().map(CompletableFuture::join).map(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                return r.json().get("caseNo").asString();
            }).toList();
            assertThat(numbers).hasSize(20).doesNotHaveDuplicates().allMatch(n -> n.matches("341300\\d{8}\\d{8}"));
        } finally {
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
