package io.salesflow.deal;

/** A field of a merge-patch body: whether it was sent at all, and its value (null when sent as null). */
record Given<T>(boolean sent, T value) {

    static <T> Given<T> notSent() {
        return new Given<>(false, null);
    }

    static <T> Given<T> of(T value) {
        return new Given<>(true, value);
    }
}
