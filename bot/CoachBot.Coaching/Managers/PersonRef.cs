using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Managers;

public enum PersonRefKind
{
    /// <summary>A platform user id from a mention: Slack &lt;@U123|name&gt;, or a Teams mention the Teams layer resolved.</summary>
    UserId,
    Email,
    /// <summary>A name as typed ("@Jane Doe", "Jane"): full name, first name or the part of their email before the @.</summary>
    Name,
}

/// <summary>How a manager named someone in a command.</summary>
public sealed record PersonRef(PersonRefKind Kind, string Value)
{
    /// <summary>The forms a manager can use, for answers when a person is not found.</summary>
    public const string Forms = "Name them with a @mention, their full name (e.g. `@Ava Martinez`), their first name or their email.";

    /// <summary>As echoed in a reply. A mention's id is checked by the parser (letters, digits, ':', '-', '_', '.'), so it may stay a mention.</summary>
    public string Shown => Kind switch
    {
        PersonRefKind.UserId => $"<@{Value}>",
        PersonRefKind.Name => $"@{CommandArguments.Shorten(Value)}",
        _ => CommandArguments.Shorten(Value).ToString(),
    };

    public override string ToString() => Shown;
}
