using System.Text;
using CoachBot.Platforms.Teams;

namespace CoachBot.Platforms.Tests.Teams;

public sealed class ActivityReaderTests
{
    [Fact]
    public void TheSendersTextAndNameLoseControlCharactersButKeepEverythingElse()
    {
        var activity = Read("""{"type":"message","text":"a\u0000b 😀 مرحبا\nline","from":{"id":"29:x","name":" Ri\u0000ley\u0007 "}}""");

        Assert.Equal("ab 😀 مرحبا\nline", activity!.Text);
        Assert.Equal("Riley", activity.From!.Name);
    }

    [Fact]
    public void ACardInputIsCleanedAndAnOverlongActionIdIsNoCoachBotAction()
    {
        var input = CardSubmit.FromMessage(Read("""{"type":"message","value":{"actionId":"help.ask","value":"d-1","input":"stuck\u0000 on pricing"}}""")!);
        var overlong = CardSubmit.FromMessage(Read($$$"""{"type":"message","value":{"actionId":"{{{new string('a', 200)}}}","value":"d-1"}}""")!);

        Assert.Equal("stuck on pricing", input!.InputText);
        Assert.Null(overlong);
    }

    [Theory]
    [InlineData("""{"type":"message","id":"1\u0000"}""", "id is not a usable id")]
    [InlineData("""{"type":"message","conversation":{"id":"a:1","conversationType":"Personal"}}""", "conversation.conversationType is not personal, groupChat or channel")]
    [InlineData("""{"type":"message","channelData":{"tenant":{"id":"\ud800"}}}""", "text that is not valid Unicode")]
    [InlineData("""[1]""", "not a JSON object")]
    [InlineData("""{"id":"1"}""", "no type")]
    public void SaysWhyAnActivityIsRefused(string json, string problem)
    {
        Assert.Null(ActivityReader.Read(Encoding.UTF8.GetBytes(json), out var found));
        Assert.Equal(problem, found);
    }

    private static Activity? Read(string json) => ActivityReader.Read(Encoding.UTF8.GetBytes(json), out _);
}
