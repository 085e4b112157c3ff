package com.telco.complaints.bench;

import java.util.SplittableRandom;

/** Realistic complaint bodies: channels, categories, regions and tiers mixed; Chinese text and all. */
final class Bodies {

    private static final String[] CHANNELS = {"HOTLINE", "HOTLINE", "HOTLINE", "ONLINE", "ONLINE", "EMAIL", "IN_PERSON",
            "LETTER", "SOCIAL_MEDIA", "REGULATOR"};
    private static final String[] CATEGORIES = {"NETWORK", "NETWORK", "BUSINESS", "SERVICE"};
    private static final String[] REGIONS = {"TZ-HL", "TZ-JJ", "TZ-LQ", "HZ-XH", "HZ-BJ", "NB-YZ", "WZ-LC", "SX-YC"};
    private static final String[] NAMES = {"王丽", "李强", "张伟", "刘洋", "陈静", "杨敏", "Wang Li", "Zhao Lei"};
    private static final String[] TEXTS = {
            "家里从周一起手机没有信号，打电话经常掉线。No signal at home since Monday, calls drop all the time.",
            "本月账单多扣了增值业务费 38 元，我从未订购过该业务，要求退费并说明原因。",
            "营业厅工作人员态度很差，办理携号转网时被要求反复排队，耽误了两个小时。",
            "4G data speed below 1 Mbps every evening between 19:00 and 23:00 in our building 📶, please fix.",
            "宽带安装预约三次都没有上门，客服电话一直占线，希望尽快安排。"};

    private Bodies() {}

    static String complaint(SplittableRandom random) {
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String tier = random.nextInt(10) == 0 ? "KEY" : "STANDARD";
        String urgency = random.nextInt(5) == 0 ? "URGENT" : "NORMAL";
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        return "{\"channel\":\"" + channel + "\",\"category\":\"" + category + "\",\"subcategory\":\"general\","
                + "\"urgency\":\"" + urgency + "\",\"region\":\"" + region + "\",\"customer\":{\"name\":\""
                + NAMES[random.nextInt(NAMES.length)] + "\",\"phone\":\"" + phone + "\",\"tier\":\"" + tier
                + "\",\"contact\":\"wechat\"},\"description\":\"" + TEXTS[random.nextInt(TEXTS.length)]
                + "\",\"demand\":\"尽快处理 Please resolve quickly\"}";
    }
}
