using System.ComponentModel.DataAnnotations;

namespace CoachBot.LocalWorkspace;

public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    [Required(ErrorMessage = "Workspace:SigningSecret is required (the secret CoachBot's Slack:SigningSecret is set to)")]
    public string SigningSecret { get; set; } = "";

    [Required(ErrorMessage = "Workspace:BotToken is required (the token CoachBot's Slack:BotToken is set to)")]
    public string BotToken { get; set; } = "";

    /// <summary>Set (the token CoachBot's Slack:AppToken is set to), events, commands and clicks reach CoachBot over Socket Mode.</summary>
    public string? AppToken { get; set; }

    [Required]
    public Uri CoachBotUrl { get; set; } = new("http://127.0.0.1:5080/");

    [Required, RegularExpression("^T[A-Z0-9]+$", ErrorMessage = "Workspace:TeamId must look like a Slack team id (T…)")]
    public string TeamId { get; set; } = "T0DEMO";

    [Required, RegularExpression("^[CG][A-Z0-9]+$", ErrorMessage = "Workspace:ManagerChannelId must look like a Slack channel id (C… or G…)")]
    public string ManagerChannelId { get; set; } = "C0MANAGERS";

    /// <summary>Set (with its secret), the workspace is also a "Sign in with Slack" issuer for CoachBot's console (Console:Slack:ClientId).</summary>
    public string? SignInClientId { get; set; }

    public string? SignInClientSecret { get; set; }

    /// <summary>Where the history (messages, members, Home views) is kept across restarts; unset = memory only.</summary>
    public string? StateFile { get; set; }

    // Slack acks within 3 s; the emulator enforces the same deadline so slow handlers show up locally.
    [Range(1, 60)]
    public int AckTimeoutSeconds { get; set; } = 3;
}
