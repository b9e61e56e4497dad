using System.ComponentModel.DataAnnotations;

namespace CoachBot.Bot.Demo;

/// <summary>Demo mode for local try-outs with the local workspace: an adjustable clock, /demo endpoints and a seeded roster.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    [Required, RegularExpression("^T[A-Z0-9]+$", ErrorMessage = "Demo:TeamId must look like a Slack team id (T…)")]
    public string TeamId { get; set; } = "T0DEMO";

    [Required, RegularExpression("^[CG][A-Z0-9]+$", ErrorMessage = "Demo:ManagerChannelId must look like a Slack channel id (C… or G…)")]
    public string ManagerChannelId { get; set; } = "C0MANAGERS";
}
