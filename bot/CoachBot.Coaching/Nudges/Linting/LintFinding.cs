namespace CoachBot.Coaching.Nudges.Linting;

/// <summary>One broken content rule: which rule, where (file, intent, style) and what to fix.</summary>
public sealed record LintFinding(string Rule, string Where, string Message)
{
    public override string ToString() => $"[{Rule}] {Where}: {Message}";
}
