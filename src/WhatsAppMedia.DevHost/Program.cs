using WhatsAppMedia.DevHost;

DevHostApplication.Create(args).Run();
