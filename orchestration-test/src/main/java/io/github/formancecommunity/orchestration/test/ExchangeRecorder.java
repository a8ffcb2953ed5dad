package io.github.formancecommunity.orchestration.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent exchanges, oldest dropped first once the capacity is reached. */
final class ExchangeRecorder {

    private final int capacity;
    private final Deque<ReceivedExchange> exchanges = new ArrayDeque<>();

    ExchangeRecorder(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(ReceivedExchange exchange) {
        if (exchanges.size() == capacity) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }

    synchronized List<ReceivedExchange> snapshot() {
        return new ArrayList<>(exchanges);
    }

    synchronized void clear() {
        exchanges.clear();
    }
}
