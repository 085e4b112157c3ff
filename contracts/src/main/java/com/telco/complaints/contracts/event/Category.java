package com.telco.complaints.contracts.event;

/** What a complaint is about (seed 001 "投诉分类"). */
public enum Category {
    /** Signal, coverage, dropped calls, data speed. */
    NETWORK,
    /** Billing, tariffs, value-added and content-provider charges, contracts. */
    BUSINESS,
    /** Staff, process, shops. */
    SERVICE
}
