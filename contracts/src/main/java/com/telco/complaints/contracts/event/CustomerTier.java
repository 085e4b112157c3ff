package com.telco.complaints.contracts.event;

/** KEY customers go through the green channel with shorter limits (seed 000 "重点客户绿色通道"). */
public enum CustomerTier { STANDARD, KEY }
