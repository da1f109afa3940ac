package dev.aiworkbook.functions.text.search;

import dev.aiworkbook.functions.text.model.Language;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The BM25 analyzers (chapter 06): English with stemming and stop words; Chinese split into
 * words by SmartChineseAnalyzer, whose default stop set holds only punctuation and keeps 的.
 */
final class Analyzers {

    /** Common Chinese function words, which match nearly every document. */
    static final List<String> CHINESE_STOP_WORDS = List.of("的", "了", "是", "在", "和", "与",
            "及", "也", "就", "都", "而", "被", "把", "这", "那", "之", "其", "或", "等", "对",
            "从", "为", "以", "着", "过", "一个", "我们", "你们", "他们", "它", "吗", "呢", "吧",
            "啊", "并", "则", "于", "所", "由", "因", "如", "但", "还", "又", "很", "最", "更");

    private Analyzers() {
    }

    static Analyzer of(Language language) {
        if (language == Language.EN) return new EnglishAnalyzer();
        CharArraySet stop = CharArraySet.copy(SmartChineseAnalyzer.getDefaultStopSet());
        stop.addAll(CHINESE_STOP_WORDS);
        return new SmartChineseAnalyzer(stop);
    }
}
