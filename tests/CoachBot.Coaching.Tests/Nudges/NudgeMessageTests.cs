using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class NudgeMessageTests
{
    private static readonly Guid DeliveryId = Guid.Parse("6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c");

    [Fact]
    public void NudgeCarriesDeliveryIdTextAndAnswerButtons()
    {
        var intent = TestNudges.Intent("discovery-one");

        var message = NudgeMessage.Build(DeliveryId, intent, CommunicationStyle.Driver, "Body\n\nPick: (A) a, (B) b.");

        Assert.Equal(DeliveryId, message.DeliveryId);
        Assert.Equal("Body\n\nPick: (A) a, (B) b.", message.Text);
        Assert.Equal(message.Text, Assert.IsType<SectionBlock>(message.Blocks[0]).Text);
        var answers = Assert.IsType<ActionsBlock>(message.Blocks[2]).Buttons;
        Assert.Equal([NudgeActions.Done, NudgeActions.Snooze, NudgeActions.NeedHelp], answers.Select(b => b.ActionId));
        Assert.Equal(["Done", "Remind me later", "Need help"], answers.Select(b => b.Label));
        Assert.All(answers, b => Assert.Equal("6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", b.Value));
        Assert.Equal(ButtonStyle.Primary, answers[0].Style);
    }

    [Fact]
    public void ConfidenceRatingOffersOneToFiveWithDeliveryAndValue()
    {
        var message = NudgeMessage.Build(DeliveryId, TestNudges.Intent("discovery-one"), CommunicationStyle.Amiable, "text");

        var rating = Assert.IsType<ActionsBlock>(message.Blocks[^1]).Buttons;

        Assert.All(rating, b => Assert.Equal(NudgeActions.Rate, b.ActionId));
        Assert.Equal(["1", "2", "3", "4", "5"], rating.Select(b => b.Label));
        Assert.Equal($"{DeliveryId}:5", rating[4].Value);
    }

    [Theory]
    [InlineData(CommunicationStyle.Analytical, "Discovery · Why it matters: Buyers who talk first tell you what to show.")]
    [InlineData(CommunicationStyle.Amiable, "Discovery · Why it helps: Buyers who talk first tell you what to show.")]
    [InlineData(CommunicationStyle.Expressive, "Discovery · today's one move")]
    [InlineData(CommunicationStyle.Driver, "Discovery · 1 action")]
    public void ContextLineFitsTheStyle(CommunicationStyle style, string expected)
    {
        var message = NudgeMessage.Build(DeliveryId, TestNudges.Intent("discovery-one"), style, "text");

        Assert.Equal(expected, Assert.IsType<ContextBlock>(message.Blocks[1]).Text);
    }

    [Fact]
    public void FollowUpAnswersLandOnTheOriginalDelivery()
    {
        var message = NudgeMessage.BuildFollowUp(DeliveryId, FocusSkill.PipelineHygiene, "Still open.");

        Assert.Null(message.DeliveryId);
        Assert.Equal("Pipeline hygiene · follow-up", Assert.IsType<ContextBlock>(message.Blocks[1]).Text);
        Assert.All(message.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => Assert.StartsWith(DeliveryId.ToString(), b.Value));
    }

    [Fact]
    public void AFollowUpCannotPromiseAnotherReminder()
    {
        var message = NudgeMessage.BuildFollowUp(DeliveryId, FocusSkill.PipelineHygiene, "Still open.");

        var answers = Assert.IsType<ActionsBlock>(message.Blocks[2]).Buttons;
        Assert.Equal(["Done", "Need help"], answers.Select(b => b.Label));
    }
}
