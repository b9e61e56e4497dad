namespace CoachBot.Coaching.People;

/// <summary>Names written to audit_entry.action. A rep's `my data` lists <see cref="SharedWordsSeen"/> lines about them.</summary>
public static class AuditActions
{
    /// <summary>A manager was shown the rep's shared words (in a command answer or a card they acted on).</summary>
    public const string SharedWordsSeen = "shared_words.seen";

    /// <summary>The rep's shared words were posted to the managers' channel.</summary>
    public const string SharedWordsPosted = "shared_words.posted";

    public const string EscalationRaised = "escalation.raised";
    public const string EscalationAcknowledged = "escalation.acknowledged";
    public const string EscalationResolved = "escalation.resolved";
    public const string EscalationReassigned = "escalation.reassigned";
    public const string EscalationSnoozed = "escalation.snoozed";
    public const string EscalationNoted = "escalation.noted";
    public const string EscalationReminded = "escalation.reminded";
    public const string EscalationSkipLevel = "escalation.skip_level";

    public const string ManagersChannelIntruder = "managers_channel.non_manager_joined";

    /// <summary>A manager command, e.g. "manager.style"; refusals carry outcome 'refused'.</summary>
    public static string Command(string verb) => $"manager.{verb}";
}
