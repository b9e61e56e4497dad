using System.Diagnostics;

namespace CoachBot.Coaching.Telemetry;

/// <summary>CoachBot's own spans (jobs, platform sends). Tags carry ids, never message text.</summary>
public static class CoachBotActivities
{
    public const string SourceName = "CoachBot";

    public const string DeliveryId = "coachbot.delivery.id";

    public static readonly ActivitySource Source = new(SourceName);
}
