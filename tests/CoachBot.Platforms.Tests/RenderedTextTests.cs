using CoachBot.Testing;

namespace CoachBot.Platforms.Tests;

// The check the renderer tests (and the fake Teams Connector) run on every message must itself catch the holes.
public sealed class RenderedTextTests
{
    [Theory]
    [InlineData("Hi , I'm CoachBot")]
    [InlineData("Good morning {first_name}!")]
    [InlineData("'s coaching")]
    [InlineData("Escalation for  is open")]
    [InlineData("Thanks !")]
    public void FindsTheHoleAnEmptyNameLeaves(string text)
    {
        Assert.NotEmpty(RenderedText.EmptyPlaceholders(text));
    }

    [Theory]
    [InlineData("Hi, I'm CoachBot")]
    [InlineData("Hi Riley, I'm CoachBot. Riley's coaching starts today!")]
    [InlineData("Line one\n\n  • indented item")]
    public void LeavesWellFormedTextAlone(string text)
    {
        Assert.Empty(RenderedText.EmptyPlaceholders(text));
    }
}
