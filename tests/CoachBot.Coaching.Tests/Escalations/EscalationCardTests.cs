using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;

namespace CoachBot.Coaching.Tests.Escalations;

public sealed class EscalationCardTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Escalation Open(string? words = "I'm stuck on the <Acme> renewal & need help") =>
        new(42, 1, 7, 8, EscalationReason.NeedHelp, EscalationSeverity.High, words, EscalationState.Open, Created);

    [Fact]
    public void ShowsRepReasonSeverityAgeOwnerAndState()
    {
        var card = EscalationCard.Render(Open(), new EscalationCardPeople("Sam Rep", "Pat Boss"), Created.AddHours(2).AddMinutes(5));

        var fields = Assert.Single(card.Blocks.OfType<FieldsBlock>()).Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("Sam Rep", fields["Rep"]);
        Assert.Equal("Asked for help", fields["Reason"]);
        Assert.Equal("High", fields["Severity"]);
        Assert.Equal("2h 5m", fields["Age"]);
        Assert.Equal("Pat Boss", fields["Owner"]);
        Assert.Equal("Open", fields["State"]);
        Assert.Contains("E-42", Assert.Single(card.Blocks.OfType<HeaderBlock>()).Text);
    }

    [Fact]
    public void SharedWordsGoInAQuoteBlockUnchangedForTheRendererToEscape()
    {
        var card = EscalationCard.Render(Open(), new EscalationCardPeople("Sam", "Pat"), Created);

        Assert.Equal("I'm stuck on the <Acme> renewal & need help", Assert.Single(card.Blocks.OfType<QuoteBlock>()).Text);
        Assert.DoesNotContain("Acme", card.Text);
    }

    [Fact]
    public void WithoutSharedWordsSaysSoAndHasNoQuote()
    {
        var card = EscalationCard.Render(Open(null) with { Reason = EscalationReason.MissedNudges }, new EscalationCardPeople("Sam", "Pat"), Created);

        Assert.Empty(card.Blocks.OfType<QuoteBlock>());
        Assert.Contains(card.Blocks.OfType<ContextBlock>(), c => c.Text.Contains("No words shared"));
    }

    [Fact]
    public void OpenCardHasAllFiveButtonsCarryingTheId()
    {
        var card = EscalationCard.Render(Open(), new EscalationCardPeople("Sam", "Pat"), Created);

        var buttons = Assert.Single(card.Blocks.OfType<ActionsBlock>()).Buttons;
        Assert.Equal([EscalationActions.Acknowledge, EscalationActions.Resolve, EscalationActions.Reassign, EscalationActions.Snooze, EscalationActions.Note],
            buttons.Select(b => b.ActionId));
        Assert.All(buttons, b => Assert.Equal("42", b.Value));
        Assert.All(buttons, b => Assert.StartsWith("esc.", b.ActionId));
    }

    [Fact]
    public void AcknowledgedCardNamesWhoAndDropsTheAckButton()
    {
        var acked = Open() with { State = EscalationState.Acknowledged };

        var card = EscalationCard.Render(acked, new EscalationCardPeople("Sam", "Pat", "Pat Boss"), Created);

        Assert.Equal("Acknowledged by Pat Boss", card.Blocks.OfType<FieldsBlock>().Single().Fields.Single(f => f.Label == "State").Value);
        Assert.DoesNotContain(card.Blocks.OfType<ActionsBlock>().Single().Buttons, b => b.ActionId == EscalationActions.Acknowledge);
    }

    [Fact]
    public void ResolvedCardKeepsOnlyTheNoteButton()
    {
        var card = EscalationCard.Render(Open() with { State = EscalationState.Resolved }, new EscalationCardPeople("Sam", "Pat"), Created);

        Assert.Equal([EscalationActions.Note], card.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId));
    }

    [Theory]
    [InlineData(30, "just now")]
    [InlineData(600, "10m")]
    [InlineData(90000, "1d 1h")]
    public void AgeIsShort(int seconds, string expected)
    {
        Assert.Equal(expected, EscalationCard.Age(TimeSpan.FromSeconds(seconds)));
    }
}
