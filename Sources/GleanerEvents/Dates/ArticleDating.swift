import GleanerCore

/// The dates of an article: its publication date checked against its text, and every temporal expression
/// resolved against that date.
public enum ArticleDating {
    /// `article` with a publication date inferred from its text when its file's modification time is
    /// contradicted by it (the evidence added to its warnings), and its temporal expressions.
    public static func dated(_ article: Article) -> (article: Article, times: [TemporalExpression]) {
        dated(article, analysed: AnalysedText(article.text))
    }

    /// `dated(_:)` with the article's text already split into sentences (`analysed`, made from `article.text`),
    /// to be shared with the event extractor.
    public static func dated(
        _ article: Article,
        analysed: AnalysedText
    ) -> (article: Article, times: [TemporalExpression]) {
        assert(analysed.text == article.text, "the analysed text is not the article's")
        // Read once against the date the article came with; read again only when the text contradicts it.
        let tagged = TimexTagger.tagged(in: analysed, published: article.published)
        guard let inference = PublicationDateInference.infer(from: tagged, guess: article.published) else {
            return (article, tagged.map(\.expression))
        }
        var dated = article
        dated.published = inference.date
        dated.warnings.append(inference.evidence)
        return (dated, TimexTagger.expressions(in: analysed, published: dated.published))
    }
}
