package com.telco.complaints.intake.domain;

/** Why a valid submission is outside the operator's business scope. */
public record Refusal(String code, String reason) {}
