namespace CoachBot.Coaching.Managers;

public enum PersonRefKind
{
    /// <summary>A platform user id from Slack mention syntax (&lt;@U123|name&gt;).</summary>
    UserId,
    Email,
    /// <summary>A display name ("@Jane Doe"), as Teams leaves it after mention stripping.</summary>
    Name,
}

/// <summary>How a manager named someone in a command.</summary>
public sealed record PersonRef(PersonRefKind Kind, string Value)
{
    public override string ToString() => Kind == PersonRefKind.UserId ? $"<@{Value}>" : Kind == PersonRefKind.Name ? $"@{Value}" : Value;
}
