metadata description = 'Virtual network with a subnet delegated to Flex Consumption VNet integration and a subnet for private endpoints.'

@description('Virtual network name.')
param name string

@description('Region of the network.')
param location string

@description('Tags applied to the network.')
param tags object

@description('Address space of the network.')
param addressPrefix string = '10.0.0.0/16'

@description('Subnet the function app integrates with (outbound traffic).')
param appSubnetPrefix string = '10.0.1.0/24'

@description('Subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string = '10.0.2.0/24'

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          // Flex Consumption integrates only with subnets delegated to Microsoft.App/environments.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: privateEndpointSubnetName
  }
}

@description('Virtual network id, linked to every private DNS zone.')
output id string = vnet.id

@description('Subnet id for the function app\'s virtualNetworkSubnetId.')
output appSubnetId string = vnet::appSubnet.id

@description('Subnet id for the private endpoints.')
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
