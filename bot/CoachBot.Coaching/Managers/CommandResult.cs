using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Managers;

/// <summary>A handler's answer plus what the audit line needs: on whom, whether it was refused, and a short detail.</summary>
public sealed record CommandResult(InboxReply Reply, long? SubjectId = null, bool Refused = false, string? Detail = null, bool Audit = true)
{
    public static CommandResult Say(string text, long? subjectId = null, string? detail = null) => new(InboxReply.Say(text), subjectId, Detail: detail);

    public static CommandResult Refuse(string text, long? subjectId = null) => new(InboxReply.Say(text), subjectId, Refused: true);

    /// <summary>Bad input or an unknown person/escalation: answered, nothing changed, nothing to audit.</summary>
    public static CommandResult Error(string text) => new(InboxReply.Say(text), Audit: false);
}
