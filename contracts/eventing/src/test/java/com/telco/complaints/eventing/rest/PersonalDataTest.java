package com.telco.complaints.eventing.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void aNameKeepsItsFirstCharacter() {
        assertThat(PersonalData.maskName("王五")).isEqualTo("王*");
        assertThat(PersonalData.maskName("欧阳修")).isEqualTo("欧**");
        assertThat(PersonalData.maskName("王")).isEqualTo("王*");
        assertThat(PersonalData.maskName(" Li Si ")).isEqualTo("L****");
        assertThat(PersonalData.maskName("𠀀家")).as("a character outside the BMP stays whole").isEqualTo("𠀀*");
        assertThat(PersonalData.maskName(null)).isNull();
    }

    @Test
    void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(PersonalData.maskPhone("+8613812341234")).isEqualTo("+86*******1234");
        assertThat(PersonalData.maskPhone("025-8888")).isEqualTo("****8888");
        assertThat(PersonalData.maskPhone("1234")).isEqualTo("****");
        assertThat(PersonalData.maskPhone("")).isEmpty();
    }

    @Test
    void aContactIsMaskedByWhatItIs() {
        assertThat(PersonalData.maskContact("li.si@example.com")).isEqualTo("l****@example.com");
        assertThat(PersonalData.maskContact("13812341234")).isEqualTo("138****1234");
        assertThat(PersonalData.maskContact("wechat:lisi")).isEqualTo("w**********");
    }

    @Test
    void aRecordShowsNoCustomerInFullWhereverTheEventCarriesOne() {
        String registered = "{\"complaintId\":\"20261130-00000001\",\"customer\":{\"name\":\"王五\","
                + "\"phone\":\"13812341234\",\"tier\":\"KEY\",\"contact\":\"li.si@example.com\"},"
                + "\"description\":\"No signal at 13812341234's home\"}";

        assertThat(PersonalData.maskInRecord(registered)).isEqualTo("{\"complaintId\":\"20261130-00000001\","
                + "\"customer\":{\"name\":\"王*\",\"phone\":\"138****1234\",\"tier\":\"KEY\","
                + "\"contact\":\"l****@example.com\"},\"description\":\"No signal at 13812341234's home\"}");
        assertThat(PersonalData.maskInRecord("{\"items\":[{\"customer\":{\"phone\":\"13812341234\"}}]}"))
                .isEqualTo("{\"items\":[{\"customer\":{\"phone\":\"138****1234\"}}]}");
        assertThat(PersonalData.maskInRecord("{ \"key\" : \"k\", \"text\":\"poison\" }"))
                .as("nothing to mask: the text as it was").isEqualTo("{ \"key\" : \"k\", \"text\":\"poison\" }");
        assertThat(PersonalData.maskInRecord("not json, call 13812341234 or +8613912345678"))
                .isEqualTo("not json, call 138****1234 or +86*******5678");
        assertThat(PersonalData.maskInRecord(null)).isNull();
    }
}
