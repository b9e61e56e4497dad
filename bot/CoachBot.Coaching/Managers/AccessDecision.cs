namespace CoachBot.Coaching.Managers;

public sealed record AccessDecision(bool Allowed, string? Refusal = null)
{
    public static readonly AccessDecision Allow = new(true);

    public static AccessDecision Refuse(string why) => new(false, why);
}
