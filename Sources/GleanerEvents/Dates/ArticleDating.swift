import GleanerCore

/// The dates of an article: its publication date checked against its text, and every temporal expression
/// resolved against that date.
public enum ArticleDating {
    /// `article` with a publication date inferred from its text when its file's modification time is
    /// contradicted by it (the evidence added to its warnings), and its temporal expressions.
    public static func dated(_ article: Article) -> (article: Article, times: [TemporalExpression]) {
        var dated = article
        if let inference = PublicationDateInference.infer(text: article.text, guess: article.published) {
            dated.published = inference.date
            dated.warnings.append(inference.evidence)
        }
        return (dated, TimexTagger.expressions(in: dated.text, published: dated.published))
    }
}
