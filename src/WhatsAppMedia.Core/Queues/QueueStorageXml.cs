using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Azure.Core;

namespace WhatsAppMedia.Core.Queues;

/// <summary>The XML bodies of the Queue service REST protocol.</summary>
internal static class QueueStorageXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // A carriage return written raw would come back as a line feed after XML end-of-line normalization.
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    /// <summary>Answers are parsed with DTDs refused: a queue answer never needs one, and entities could expand without bound.</summary>
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary><c>&lt;QueueMessage&gt;&lt;MessageText&gt;…&lt;/MessageText&gt;&lt;/QueueMessage&gt;</c>, with the text escaped.</summary>
    public static RequestContent MessageBody(string storedText)
    {
        var buffer = new MemoryStream(storedText.Length + 96);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", storedText);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return RequestContent.Create(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The <c>QueueMessage</c> elements of a <c>QueueMessagesList</c> answer.</summary>
    /// <exception cref="InvalidDataException">The answer is not such a list.</exception>
    public static IEnumerable<XElement> ReadMessages(Stream? body, string operation)
    {
        var document = Load(body, operation);
        if (document?.Root?.Name.LocalName != "QueueMessagesList")
        {
            throw new InvalidDataException($"The queue service's answer to {operation} is not a QueueMessagesList.");
        }

        return document.Root.Elements("QueueMessage");
    }

    /// <summary>The <c>Code</c> and the first line of the <c>Message</c> of an <c>Error</c> answer, when there is one.</summary>
    public static (string? Code, string? Message) ReadError(Stream? body)
    {
        XDocument? document;
        try
        {
            document = Load(body, "error");
        }
        catch (InvalidDataException)
        {
            return (null, null);
        }

        var error = document?.Root;
        if (error?.Name.LocalName != "Error")
        {
            return (null, null);
        }

        // The message continues with request id and time lines; the first line is the explanation.
        var message = error.Element("Message")?.Value.Split('\n', 2)[0].Trim();
        return (error.Element("Code")?.Value.Trim(), string.IsNullOrEmpty(message) ? null : Bound(message));
    }

    public static string RequiredText(XElement message, string name, string operation) =>
        message.Element(name)?.Value
        ?? throw new InvalidDataException($"The queue service's answer to {operation} has a message without {name}.");

    public static DateTimeOffset RequiredDate(XElement message, string name, string operation) =>
        ParseHttpDate(RequiredText(message, name, operation), name, operation);

    public static long RequiredCount(XElement message, string name, string operation) =>
        long.TryParse(RequiredText(message, name, operation), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new InvalidDataException($"The queue service's answer to {operation} has a {name} that is not a number.");

    public static DateTimeOffset ParseHttpDate(string value, string name, string operation) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new InvalidDataException($"The queue service's answer to {operation} has a {name} that is not an HTTP date.");

    private static XDocument? Load(Stream? body, string operation)
    {
        if (body is null || (body.CanSeek && body.Length == 0))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(body, ReaderSettings);
            // Whitespace is kept: a message whose text is only spaces must come back as spaces.
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"The queue service's answer to {operation} is not well-formed XML.", exception);
        }
    }

    private static string Bound(string message) => message.Length <= 300 ? message : string.Concat(message.AsSpan(0, 300), "…");
}
