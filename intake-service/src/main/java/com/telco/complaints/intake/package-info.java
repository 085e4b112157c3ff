package com.telco.complaints.intake;
