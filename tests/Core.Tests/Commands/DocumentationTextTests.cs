using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class DocumentationTextTests
{
    [Fact]
    public void ParagraphsListsLinksAndEntitiesBecomePlainText()
    {
        var text = DocumentationText.ToPlainText(
            "<p>Returns <code>objects</code> &amp; prefixes. See <a href=\"https://example.com/x\">Listing keys</a>.</p> " +
            "<note> <ul> <li> <p> <b>General</b> - one</p> </li> <li><p>two &lt;3</p></li> </ul> </note>");

        Assert.Equal("Returns objects & prefixes. See Listing keys (https://example.com/x).\n\n- General - one\n- two <3", text);
    }

    [Fact]
    public void TheSynopsisIsTheFirstSentence()
    {
        Assert.Equal("Returns some objects.", DocumentationText.FirstSentence("Returns some objects. More follows.\n\nAnother paragraph."));
        Assert.Equal("No full stop", DocumentationText.FirstSentence("No full stop"));
    }
}
