package com.telco.complaints.contracts.event;

/** Seed 000 "紧急和一般". */
public enum Urgency { URGENT, NORMAL }
