package org.wenzheng.handling;

import org.wenzheng.board.search.SearchTokenizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 答非所问 check a leader sees before approving: warnings, never a refusal. A reply that shares no key term with
 * the message (terms from the search tokenizer: jieba words and two-character grams, minus words every reply and
 * message uses), a reply that is empty or only stock phrases, and personal data left in the reply (mainland mobile
 * numbers, 18-digit resident ID numbers whose check digit is right, e-mail addresses).
 */
public final class ReplyCheck {

    /** What may be wrong with a reply; texts in the bundles as handling.check.NAME. */
    public enum Warning { NO_COMMON_TERMS, BOILERPLATE, MOBILE_NUMBER, ID_NUMBER, EMAIL_ADDRESS }

    /** Fewer meaningful characters than this, once stock phrases are taken out, is boilerplate. */
    static final int MIN_SUBSTANCE = 15;

    /** Office words that say nothing about the matter itself. */
    private static final Set<String> COMMON_TERMS = Set.of(
            "您好", "你好", "网友", "市民", "群众", "留言", "反映", "问题", "情况", "处理", "办理", "答复", "回复",
            "感谢", "谢谢", "关注", "支持", "我们", "您的", "你的", "已经", "进行", "相关", "工作", "部门", "单位",
            "收到", "关于", "目前", "及时", "尽快", "我局", "本局", "经查", "核实", "调查", "已收", "收悉", "正在",
            "有关", "一下", "请问", "希望", "能否", "是否", "什么", "怎么", "为什", "么时", "时候", "现在", "这个",
            "那个", "一个", "没有", "可以", "如果", "因为", "所以", "但是", "而且", "以及", "或者", "根据", "对于");

    /** Stock phrases (套话) that do not answer anything by themselves. */
    private static final List<String> STOCK_PHRASES = List.of(
            "您的留言已收悉", "留言已收悉", "已收悉", "来信已收悉", "感谢您对我们工作的关心和支持", "感谢您的关心和支持",
            "感谢您的留言", "感谢您的关注", "感谢您的支持", "感谢您的理解", "谢谢您的理解", "谢谢", "感谢",
            "正在处理中", "正在处理", "正在调查", "正在核实", "我们将尽快处理", "我们将尽快", "将尽快处理", "尽快处理",
            "我们会尽快", "请耐心等待", "已转相关部门", "已转交相关部门", "已交相关部门办理", "您好", "你好", "网友",
            "市民朋友", "此复", "特此答复", "特此回复");

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern NOT_SUBSTANCE = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private ReplyCheck() {
    }

    /**
     * The warnings for a reply (sanitised HTML) to a message (title and text), in a stable order.
     */
    public static List<Warning> check(SearchTokenizer tokenizer, String messageTitle, String messageBody,
                                      String replyHtml) {
        String reply = ReplyHtml.plainText(replyHtml);
        List<Warning> warnings = new ArrayList<>();
        if (isBoilerplate(reply)) {
            warnings.add(Warning.BOILERPLATE);
        }
        if (!reply.isBlank() && commonTerms(tokenizer, messageTitle + "\n" + messageBody, reply).isEmpty()) {
            warnings.add(Warning.NO_COMMON_TERMS);
        }
        if (MOBILE.matcher(reply).find()) {
            warnings.add(Warning.MOBILE_NUMBER);
        }
        if (hasIdNumber(reply)) {
            warnings.add(Warning.ID_NUMBER);
        }
        if (EMAIL.matcher(reply).find()) {
            warnings.add(Warning.EMAIL_ADDRESS);
        }
        return warnings;
    }

    /** The key terms the two texts share. */
    static Set<String> commonTerms(SearchTokenizer tokenizer, String message, String reply) {
        Set<String> inMessage = terms(tokenizer, message);
        Set<String> shared = new LinkedHashSet<>();
        for (String t : terms(tokenizer, reply)) {
            if (inMessage.contains(t)) {
                shared.add(t);
            }
        }
        return shared;
    }

    /** Grammatical characters: a two-character gram across one of them is no term. */
    private static final Pattern FUNCTION_CHARS = Pattern.compile("[的了是在和与及对将已您我你他她们这那有也就都而为被把给请吗呢吧啊之其]");

    private static Set<String> terms(SearchTokenizer tokenizer, String text) {
        // Office words and grammatical characters become gaps first, so that no gram spans them.
        String cleaned = text;
        for (String common : COMMON_TERMS) {
            cleaned = cleaned.replace(common, " ");
        }
        cleaned = FUNCTION_CHARS.matcher(cleaned).replaceAll(" ");
        Set<String> terms = new LinkedHashSet<>();
        for (String t : tokenizer.indexText(cleaned).split(" ")) {
            if (t.codePointCount(0, t.length()) >= 2 && !COMMON_TERMS.contains(t) && !t.chars().allMatch(Character::isDigit)) {
                terms.add(t);
            }
        }
        return terms;
    }

    static boolean isBoilerplate(String reply) {
        String rest = reply;
        for (String phrase : STOCK_PHRASES) {
            rest = rest.replace(phrase, "");
        }
        rest = NOT_SUBSTANCE.matcher(rest).replaceAll("");
        return rest.codePointCount(0, rest.length()) < MIN_SUBSTANCE;
    }

    static boolean hasIdNumber(String text) {
        Matcher m = ID_NUMBER.matcher(text);
        while (m.find()) {
            if (validId(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** GB 11643: the 18th character is the check digit of the weighted sum of the first 17. */
    static boolean validId(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11];
    }
}
