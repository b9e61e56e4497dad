namespace CoachBot.Coaching.Escalations;

/// <summary>Someone asked to post escalation content somewhere other than the configured managers' channel.</summary>
public sealed class ManagersChannelRefusedException(string message) : InvalidOperationException(message);
