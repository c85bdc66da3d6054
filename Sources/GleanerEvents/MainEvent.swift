/// The event an article is about, in the 5W1H sense: who did what (to whom), when and where, read from its
/// lead. Any kind of news has one, coded or not: a tram crash, a record snowfall, a sports win.
public struct MainEvent: Sendable, Hashable, Codable {
    /// The party that acted, or `nil` when the lead names none.
    public var who: EventActor?
    /// The verb phrase as written ("staged a protest", "visited").
    public var what: String
    /// The party acted upon, if any.
    public var whom: EventActor?
    /// The CAMEO code when the action is one the event coder knows, else `nil`.
    public var cameo: String?
    public var when: EventDate?
    public var `where`: EventLocation?
    /// The body sentence it was read from (0 = the first).
    public var sentenceIndex: Int

    public init(
        who: EventActor?,
        what: String,
        whom: EventActor?,
        cameo: String?,
        when: EventDate?,
        where place: EventLocation?,
        sentenceIndex: Int
    ) {
        self.who = who
        self.what = what
        self.whom = whom
        self.cameo = cameo
        self.when = when
        self.where = place
        self.sentenceIndex = sentenceIndex
    }
}
