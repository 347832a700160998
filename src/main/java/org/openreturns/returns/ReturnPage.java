package org.openreturns.returns;

import java.util.List;

/** One page of a returns search: {@code total} returns match, these are the ones on page {@code page}. */
public record ReturnPage(List<ReturnListing> items, long total, int page, int size) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
