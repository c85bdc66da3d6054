import GleanerCore

/// The dates of an article: its publication date checked against its text, and every temporal expression
/// resolved against that date.
public enum ArticleDating {
    /// `article` with a publication date inferred from its text when its file's modification time is
    /// contradicted by it (the evidence added to its warnings), and its temporal expressions.
    public static func dated(_ article: Article) -> (article: Article, times: [TemporalExpression]) {
        // Read once against the date the article came with; read again only when the text contradicts it.
        let tagged = TimexTagger.tagged(in: article.text, published: article.published)
        guard let inference = PublicationDateInference.infer(from: tagged, guess: article.published) else {
            return (article, tagged.map(\.expression))
        }
        var dated = article
        dated.published = inference.date
        dated.warnings.append(inference.evidence)
        return (dated, TimexTagger.expressions(in: dated.text, published: dated.published))
    }
}
