package com.telco.complaints.contracts.event;

/**
 * Who was at fault for what the customer complained about, as the department found it on its return (the
 * flow chart of seed 000: "是否为我方原因? 调查是否为客服中心责任?").
 */
public enum FaultParty {
    /** A department of the operator: a dissatisfied customer is owed a redispatch (二次派单). */
    DEPARTMENT,
    /** The customer-service centre itself: recorded, not redispatched (→ 记录). */
    CUSTOMER_SERVICE_CENTRE,
    /** Someone outside the operator (a service provider, a contractor, a landlord). */
    THIRD_PARTY,
    /** The customer's own doing (a wrong setting, a misunderstanding). */
    CUSTOMER,
    /** Nobody: the service worked as agreed. */
    NONE;

    /** Whether the operator's side (a department or the customer-service centre) was at fault. */
    public boolean operators() {
        return this == DEPARTMENT || this == CUSTOMER_SERVICE_CENTRE;
    }
}
