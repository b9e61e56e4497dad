using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Onboarding;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class BlockKitRendererTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Riley")]
    public void TheWelcomeHasNoHoleWhereANameIsMissing(string firstName)
    {
        var message = OnboardingMessages.Welcome(firstName);

        RenderedText.AssertNoEmptyPlaceholders(BlockKitRenderer.RenderBlocks(message));
        RenderedText.AssertNoEmptyPlaceholders(BlockKitRenderer.FallbackText(message));
    }

    [Fact]
    public void RendersEveryNeutralBlockAsItsBlockKitType()
    {
        var message = new CoachMessage("fallback",
        [
            new HeaderBlock("Today's focus"),
            new SectionBlock("*Ask one more question* before you pitch."),
            new ContextBlock("Sent because you asked for daily nudges"),
            new FieldsBlock([new Field("Rep", "Ana"), new Field("Severity", "high")]),
            new QuoteBlock("I lost the deal"),
            new DividerBlock(),
            new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", "d-1", ButtonStyle.Primary)]),
        ]);

        var blocks = BlockKitRenderer.RenderBlocks(message);

        Assert.Equal(["header", "section", "context", "section", "section", "divider", "actions"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("plain_text", (string)blocks[0]!["text"]!["type"]!);
        Assert.Equal("*Ask one more question* before you pitch.", (string)blocks[1]!["text"]!["text"]!);
        Assert.Equal("mrkdwn", (string)blocks[2]!["elements"]![0]!["type"]!);
        Assert.Equal("*Rep*\nAna", (string)blocks[3]!["fields"]![0]!["text"]!);
        Assert.Equal("> I lost the deal", (string)blocks[4]!["text"]!["text"]!);
    }

    [Fact]
    public void ButtonsCarryActionIdValueAndStyle()
    {
        var message = new CoachMessage("x", [new ActionsBlock(
        [
            new ChatButton(NudgeActions.Done, "Done", "d-1", ButtonStyle.Primary),
            new ChatButton(NudgeActions.NeedHelp, "Need help", "d-1", ButtonStyle.Danger),
            new ChatButton(NudgeActions.Snooze, "Snooze", "d-1"),
        ])]);

        var buttons = BlockKitRenderer.RenderBlocks(message)[0]!["elements"]!.AsArray();

        Assert.Equal([NudgeActions.Done, NudgeActions.NeedHelp, NudgeActions.Snooze], buttons.Select(b => (string)b!["action_id"]!));
        Assert.Equal("d-1", (string)buttons[0]!["value"]!);
        Assert.Equal("primary", (string)buttons[0]!["style"]!);
        Assert.Equal("danger", (string)buttons[1]!["style"]!);
        Assert.Null(buttons[2]!["style"]);
    }

    [Fact]
    public void RepeatedActionIdsBecomeUniqueAndMapBackToTheNeutralId()
    {
        var rating = Enumerable.Range(1, 5).Select(i => new ChatButton(NudgeActions.Rate, i.ToString(), $"d-1:{i}")).ToList();

        var ids = BlockKitRenderer.RenderBlocks(new CoachMessage("x", [new ActionsBlock(rating)]))[0]!["elements"]!.AsArray()
            .Select(b => (string)b!["action_id"]!).ToList();

        Assert.Equal(5, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(NudgeActions.Rate, SlackActionId.Neutral(id)));
    }

    [Theory]
    [InlineData("<!channel> call me")]
    [InlineData("<@U999> is wrong")]
    [InlineData("<https://evil.example|login>")]
    public void UserTextInQuotesAndFieldValuesCannotMentionOrLink(string userText)
    {
        var blocks = BlockKitRenderer.RenderBlocks(new CoachMessage("x", [new QuoteBlock(userText), new FieldsBlock([new Field("Note", userText)])]));

        var json = blocks.ToJsonString();
        Assert.DoesNotContain("<!", json);
        Assert.DoesNotContain("<@", json);
        Assert.DoesNotContain("<http", json);
        Assert.Contains("&lt;", (string)blocks[0]!["text"]!["text"]!);
        Assert.Contains("&lt;", (string)blocks[1]!["fields"]![0]!["text"]!);
    }

    [Fact]
    public void KeepsSectionTextWithinThreeThousandCharacters()
    {
        var text = (string)BlockKitRenderer.RenderBlocks(new CoachMessage("x", [new SectionBlock(new string('a', 5000))]))[0]!["text"]!["text"]!;

        Assert.Equal(BlockKitRenderer.MaxSectionText, text.Length);
        Assert.EndsWith(SlackText.Ellipsis, text);
    }

    [Fact]
    public void KeepsAMessageWithinFiftyBlocksEndingInAnEllipsis()
    {
        var blocks = BlockKitRenderer.RenderBlocks(new CoachMessage("x", [.. Enumerable.Range(0, 80).Select(i => new SectionBlock($"line {i}"))]));

        Assert.Equal(50, blocks.Count);
        Assert.Equal("context", (string)blocks[^1]!["type"]!);
    }

    [Fact]
    public void SplitsMoreThanTenFieldsAcrossSections()
    {
        var blocks = BlockKitRenderer.RenderBlocks(new CoachMessage("x", [new FieldsBlock([.. Enumerable.Range(0, 13).Select(i => new Field($"L{i}", "v"))])]));

        Assert.Equal([10, 3], blocks.Select(b => b!["fields"]!.AsArray().Count));
    }

    [Fact]
    public void CapsHeaderAndButtonLabels()
    {
        var blocks = BlockKitRenderer.RenderBlocks(new CoachMessage("x",
            [new HeaderBlock(new string('h', 400)), new ActionsBlock([new ChatButton("a", new string('b', 200), "v")])]));

        Assert.Equal(150, ((string)blocks[0]!["text"]!["text"]!).Length);
        Assert.Equal(75, ((string)blocks[1]!["elements"]![0]!["text"]!["text"]!).Length);
    }

    [Fact]
    public void RendersAHomeViewWithUpToAHundredBlocks()
    {
        var home = BlockKitRenderer.RenderHome(new CoachMessage("x", [.. Enumerable.Range(0, 120).Select(i => new SectionBlock($"{i}"))]));

        Assert.Equal("home", (string)home["type"]!);
        Assert.Equal(100, home["blocks"]!.AsArray().Count);
    }
}
