using System.Text.Json;
using CoachBot.Platforms.Teams;

namespace CoachBot.Platforms.Tests.Teams;

public sealed class MentionTextTests
{
    [Fact]
    public void RemovesOnlyTheBotsOwnMentionAndKeepsOtherPeoples()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>CoachBot</at>&nbsp;reassign E-4 to <at>Maria</at>\n","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>CoachBot</at>","mentioned":{"id":"28:bot","name":"CoachBot"}},
                         {"type":"mention","text":"<at>Maria</at>","mentioned":{"id":"29:maria","name":"Maria"}}]}
            """);

        Assert.Equal("reassign E-4 to <at>Maria</at>", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void FindsTheBotByIdEvenWhenTheEntityHasNoTextOrTheNameDiffers()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>Coach (old name)</at> stats","recipient":{"id":"28:bot","name":"CoachBot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Coach (old name)"}}]}
            """);

        Assert.Equal("stats", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void AMentionOfSomeoneElseWithTheBotsNameIsKept()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>CoachBot</at> hi","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>CoachBot</at>","mentioned":{"id":"29:impostor","name":"CoachBot"}}]}
            """);

        Assert.Equal("<at>CoachBot</at> hi", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void ASlackStyleCoachPrefixIsDropped()
    {
        var activity = Parse("""{"type":"message","text":"/coach  escalations","recipient":{"id":"28:bot"}}""");

        Assert.Equal("escalations", MentionText.StripBotMention(activity));
    }

    [Fact]
    public void KeepsLineBreaksSoAMultiLineImportStaysOneRowPerLine()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>CoachBot</at> import email,name\r\n  ava@acme.example,Ava   Martinez \nsam@acme.example,Sam","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>CoachBot</at>","mentioned":{"id":"28:bot","name":"CoachBot"}}]}
            """);

        Assert.Equal("import email,name\nava@acme.example,Ava Martinez\nsam@acme.example,Sam", MentionText.StripBotMention(activity));
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;
}
