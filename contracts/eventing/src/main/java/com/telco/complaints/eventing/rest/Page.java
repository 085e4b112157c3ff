package com.telco.complaints.eventing.rest;

import jakarta.ws.rs.core.Response;

/**
 * One page of a list door ({@link QueryParams#page}): page numbers from 0, at most
 * {@link QueryParams#MAX_PAGE}, and at most 1,000 rows a page, so the offset never overflows.
 */
public record Page(int number, int size) {

    public int offset() {
        return number * size;
    }

    /** 200 with the page's rows, and the rows the whole list has in {@code X-Total-Count}. */
    public static Response ok(Object rows, long total) {
        return Response.ok(rows).header("X-Total-Count", total).build();
    }
}
