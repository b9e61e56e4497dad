using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class NudgeRedrawTests
{
    private static readonly Guid Delivery = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static readonly CoachMessage Original = new("2 dormant accounts → 2 discovery calls by Fri.",
    [
        new SectionBlock("2 dormant accounts → 2 discovery calls by Fri."),
        new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", Delivery.ToString()), new ChatButton(NudgeActions.NeedHelp, "Need help", Delivery.ToString())]),
    ]);

    [Fact]
    public void ARecalledNudgeKeepsItsWordsAndShowsItsState()
    {
        var redrawn = NudgeResponses.Redraw(Original, Delivery, new NudgeResponseStore.State(Done: true, Snoozed: false, NeedHelp: false, Rating: null));

        Assert.Equal(Original.Blocks[0], redrawn.Blocks[0]);
        Assert.Contains(redrawn.Blocks, b => b is ContextBlock { Text: "✓ Done" });
        var buttons = redrawn.Blocks.OfType<ActionsBlock>().SelectMany(b => b.Buttons).ToList();
        Assert.Equal(["Need help", "1", "2", "3", "4", "5"], buttons.Select(b => b.Label));
        Assert.Equal($"{Delivery}:3", buttons[3].Value);
        Assert.Equal(Delivery, redrawn.DeliveryId);
    }

    [Fact]
    public void WithoutTheOriginalOnlyTheStateAndRemainingButtonsAreShown()
    {
        var redrawn = NudgeResponses.Redraw(null, Delivery, new NudgeResponseStore.State(Done: false, Snoozed: false, NeedHelp: true, Rating: 2));

        Assert.Equal("Asked for help · Confidence 2/5", redrawn.Text);
        var buttons = redrawn.Blocks.OfType<ActionsBlock>().SelectMany(b => b.Buttons).ToList();
        Assert.Equal([NudgeActions.Done, NudgeActions.Snooze], buttons.Select(b => b.ActionId));
        Assert.Equal(["Done", "Remind me later"], buttons.Select(b => b.Label));
    }
}
