namespace CoachBot.Testing.Journeys;

/// <summary>What appeared or changed on one person's screen after a step: new messages and messages edited in place.</summary>
public sealed class Seen(JourneyPerson who, IReadOnlyList<Shown> messages) : List<Shown>(messages)
{
    public JourneyPerson Who => who;

    /// <summary>The one message (new or changed) whose text contains <paramref name="text"/>; fails listing what was seen otherwise.</summary>
    public Shown Saying(string text)
    {
        var matching = this.Where(m => m.Has(text)).ToList();
        return matching.Count > 0 ? matching[^1] : throw Missing($"a message saying \"{text}\"");
    }

    /// <summary>The latest message with a button labelled <paramref name="label"/>.</summary>
    public Shown WithButton(string label) =>
        this.LastOrDefault(m => m.HasButton(label)) ?? throw Missing($"a message with a \"{label}\" button");

    public bool Any(string text) => this.Any(m => m.Has(text));

    public Seen ExpectNothing()
    {
        Journey.Check(Count == 0, $"{who} should see nothing new, but saw:\n{this}");
        return this;
    }

    public Seen ExpectNot(string text)
    {
        Journey.Check(!Any(text), $"{who} should not see \"{text}\", but saw:\n{this}");
        return this;
    }

    public override string ToString() => Count == 0 ? "  (nothing)" : string.Join('\n', this.Select(m => $"  {m}"));

    private Xunit.Sdk.XunitException Missing(string what) => new($"{who} should see {what}; saw:\n{this}");
}
