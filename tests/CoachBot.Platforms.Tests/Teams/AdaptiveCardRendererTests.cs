using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Onboarding;
using CoachBot.Platforms.Teams;
using CoachBot.Testing;

namespace CoachBot.Platforms.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    [Theory]
    [InlineData("", "Hi, I'm CoachBot")]
    [InlineData("  ", "Hi, I'm CoachBot")]
    [InlineData("Riley", "Hi Riley, I'm CoachBot")]
    public void TheWelcomeCardHasNoHoleWhereANameIsMissing(string firstName, string header)
    {
        var card = AdaptiveCardRenderer.Render(OnboardingMessages.Welcome(firstName));

        RenderedText.AssertNoEmptyPlaceholders(card);
        Assert.Equal(header, card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RendersEachBlockAsItsAdaptiveCardElement()
    {
        var message = new CoachMessage("Escalation E-4", [
            new HeaderBlock("Escalation E-4"),
            new FieldsBlock([new Field("Rep", "Riley"), new Field("Age", "2h")]),
            new DividerBlock(),
            new QuoteBlock("I need help with pricing"),
            new ContextBlock("Open for 2 hours"),
        ]);

        var card = AdaptiveCardRenderer.Render(message);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var body = card["body"]!.AsArray();
        Assert.Equal(["TextBlock", "FactSet", "Container", "TextBlock"], body.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("Rep", body[1]!["facts"]![0]!["title"]!.GetValue<string>());
        Assert.True(body[2]!["separator"]!.GetValue<bool>());
        Assert.Equal("emphasis", body[2]!["style"]!.GetValue<string>());
    }

    [Fact]
    public void ButtonsAreExecuteActionsCarryingTheNeutralActionIdAndValueWithASubmitFallback()
    {
        var message = new CoachMessage("Nudge", [new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", "d-1", ButtonStyle.Primary)])]);

        var action = AdaptiveCardRenderer.Render(message)["body"]![0]!["actions"]![0]!;

        Assert.Equal(("Action.Execute", NudgeActions.Done, "positive"), (Str(action["type"]), Str(action["verb"]), Str(action["style"])));
        Assert.Equal((NudgeActions.Done, "d-1"), (Str(action["data"]!["actionId"]), Str(action["data"]!["value"])));
        Assert.Equal("Action.Submit", Str(action["fallback"]!["type"]));
        Assert.Equal(NudgeActions.Done, Str(action["fallback"]!["data"]!["actionId"]));
    }

    [Fact]
    public void UserTextCannotBecomeALinkMentionOrFormatting()
    {
        var message = new CoachMessage("quote", [new QuoteBlock("**urgent** [click me](https://evil.example) <at>Maria</at>")]);

        var text = Str(AdaptiveCardRenderer.Render(message)["body"]![0]!["items"]![0]!["text"]);

        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
        Assert.Contains("click me", text);
    }

    [Fact]
    public void AnOversizedMessageIsShortenedBelowTheTeamsCardLimitKeepingItsButtons()
    {
        var blocks = Enumerable.Range(0, 60).Select(i => (MessageBlock)new SectionBlock(new string('a', 1500)))
            .Append(new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", "d-1")])).ToList();

        var card = AdaptiveCardRenderer.Render(new CoachMessage("long", blocks));

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= AdaptiveCardRenderer.MaxCardBytes);
        Assert.Contains(card["body"]!.AsArray(), e => Str(e!["type"]) == "ActionSet");
        Assert.Contains("Shortened", card["body"]!.AsArray().Last()!["text"]!.GetValue<string>());
    }

    private static string Str(JsonNode? node) => node!.GetValue<string>();
}
