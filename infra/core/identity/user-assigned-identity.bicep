metadata description = 'User-assigned managed identity: the only credential the function app has.'

@description('Identity name.')
param name string

@description('Region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, used to attach the identity to the app and as its deployment-storage credential.')
output id string = identity.id

@description('Identity name.')
output name string = identity.name

@description('Client id the app names in AzureWebJobsStorage__clientId and the Application Insights authentication string.')
output clientId string = identity.properties.clientId

@description('Object id that role assignments are granted to.')
output principalId string = identity.properties.principalId
