namespace WhatsAppMedia.Core.Providers;

/// <summary>Why an identifier was refused: a contract code (<see cref="ErrorCodes"/>) and a message that never repeats the refused value.</summary>
public sealed record IdentifierError(string Code, string Message);
