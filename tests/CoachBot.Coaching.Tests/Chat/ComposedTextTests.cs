using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Tests.Chat;

public sealed class ComposedTextTests
{
    private static readonly UserText Name = UserText.Of("<!channel> *bold*");

    [Fact]
    public void AUserTextPartSurvivesInterpolationAndOnlyItIsEscaped()
    {
        ComposedText text = $"*{Name}* is no longer a manager.";

        Assert.Equal("*[<!channel> *bold*]* is no longer a manager.", text.Render(part => $"[{part}]"));
        Assert.Equal("*<!channel> *bold** is no longer a manager.", text.Plain);
    }

    [Fact]
    public void ReadersSeeThePlainWordsInEveryBlock()
    {
        var message = new CoachMessage($"{Name} joined", [new SectionBlock($"{Name} joined"), new HeaderBlock(Name), new Field("Rep", $"{Name}").ToBlock()]);

        Assert.Equal("<!channel> *bold* joined", message.Text);
        Assert.Equal("<!channel> *bold* joined", ((SectionBlock)message.Blocks[0]).Text);
        Assert.Equal("<!channel> *bold*", ((HeaderBlock)message.Blocks[1]).Text);
        Assert.Equal("<!channel> *bold*", ((FieldsBlock)message.Blocks[2]).Fields[0].Value);
    }

    [Fact]
    public void TypedMarksCannotOpenOrCloseAPart()
    {
        var sneaky = UserText.Of("a\uFFFB<!here>\uFFF9b");
        ComposedText text = $"x {sneaky} \uFFFB<!channel>";

        Assert.Equal("x [a<!here>b] <!channel>", text.Render(part => $"[{part}]"));
    }

    [Fact]
    public void APartCutShortIsEscapedToTheEnd()
    {
        var cut = $"Hi {Name}"[..8];

        Assert.Equal("Hi [<!ch]", ((ComposedText)cut).Render(part => $"[{part}]"));
    }
}

internal static class FieldTestExtensions
{
    public static FieldsBlock ToBlock(this Field field) => new([field]);
}
