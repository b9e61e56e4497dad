namespace CoachBot.Testing.Journeys;

/// <summary>A button as the person sees it: its label, the neutral action it carries, and the platform's own id for it.</summary>
public sealed record ShownButton(string Label, string ActionId, string Value, string PlatformActionId);

/// <summary>
/// One message as a person sees it on their screen: where it is (their DM, the managers' channel, a reply only they
/// see), every piece of visible text joined by new lines, and its buttons. <paramref name="Key"/> identifies the message
/// on its platform so an edit in place shows up as the same message changed.
/// </summary>
public sealed record Shown(string Key, ShownPlace Place, string Text, IReadOnlyList<ShownButton> Buttons)
{
    public bool Has(string text) => Text.Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails unless this message's text contains <paramref name="text"/>; returns the message for more checks.</summary>
    public Shown Saying(string text)
    {
        Journey.Check(Has(text), $"Expected the message to say \"{text}\": {this}");
        return this;
    }

    public bool HasButton(string label) => Buttons.Any(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase));

    public ShownButton Button(string label) =>
        Buttons.FirstOrDefault(b => b.Label.Equals(label, StringComparison.OrdinalIgnoreCase))
        ?? Buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"No \"{label}\" button on: {this}");

    public IReadOnlyList<string> Labels => [.. Buttons.Select(b => b.Label)];

    public override string ToString() => $"[{Place}] {Text.ReplaceLineEndings(" / ")}{(Buttons.Count == 0 ? "" : $" [{string.Join("] [", Labels)}]")}";
}

public enum ShownPlace
{
    /// <summary>The person's 1:1 chat with CoachBot.</summary>
    Direct,

    /// <summary>The managers' channel (and its threads).</summary>
    ManagersChannel,

    /// <summary>An answer only the person sees outside their DM (Slack ephemeral or a command's reply).</summary>
    OnlyYou,

    /// <summary>The person's App Home tab.</summary>
    Home,
}
