package com.telco.complaints.contracts.event;

/** The customer as registered; {@code phone} is normalized (11-digit mobile or area code + number). */
public record Customer(String name, String phone, CustomerTier tier, String contact) {}
